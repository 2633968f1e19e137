package io.firebreak.drill;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /roster/{person}/training} (and {@code .json}): a person's training record. */
@Controller
class TrainingRecordController {

	private final TrainingRecords records;

	TrainingRecordController(TrainingRecords records) {
		this.records = records;
	}

	@GetMapping("/roster/{person}/training")
	String page(@PathVariable String person, Model model, Authentication signedIn) {
		model.addAttribute("record", records.of(person, signedIn));
		return "drill/training";
	}

	@GetMapping(path = "/roster/{person}/training.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	TrainingRecords.TrainingRecord json(@PathVariable String person, Authentication signedIn) {
		return records.of(person, signedIn);
	}
}
