package io.firebreak.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of a test's own on 127.0.0.1:5432 (trust authentication, the OS user, no
 * password), created empty and dropped at the end even while something is still connected to it.
 * Without PostgreSQL the test is aborted on a developer's machine and fails in CI.
 */
public final class PostgresDatabase implements AutoCloseable {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private final String name;

	private PostgresDatabase(String name) {
		this.name = name;
	}

	/** Creates {@code <prefix>_<random>}. */
	public static PostgresDatabase create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (Connection admin = DriverManager.getConnection(SERVER + "test", user(), "")) {
			admin.createStatement().execute("create database " + name);
		}
		catch (SQLException unavailable) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("CI needs PostgreSQL on 127.0.0.1:5432 (database test, user " + user()
						+ ", trust authentication) to create a database of its own", unavailable);
			}
			Assumptions.abort("no PostgreSQL on 127.0.0.1:5432 to create a database in (database test, user " + user()
					+ "): " + unavailable.getMessage());
		}
		return new PostgresDatabase(name);
	}

	public static String user() {
		return System.getProperty("user.name");
	}

	public String name() {
		return name;
	}

	public String url() {
		return SERVER + name;
	}

	/** Every row of a query, each as column label (lower case) → value. */
	public List<Map<String, Object>> rows(String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(url(), user(), "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
						row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException e) {
			throw new IllegalStateException("query failed on " + name + ": " + sql, e);
		}
	}

	/** Drops the database; {@code with (force)} ends the sessions of nodes that are still connected. */
	@Override
	public void close() throws SQLException {
		try (Connection admin = DriverManager.getConnection(SERVER + "test", user(), "")) {
			admin.createStatement().execute("drop database if exists " + name + " with (force)");
		}
	}
}
