package io.firebreak.system;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person or client must fix, naming the field. Extends Camunda's form validation
 * exception so that a form submission it rejects is reported as a validation failure.
 */
public class InvalidInput extends FormFieldValidationException {

	private final String field;

	public InvalidInput(String field, String detail) {
		super(field, detail);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
