package org.wso2.carbon.is.migration.testsupport;

import java.sql.Connection;
import java.sql.Driver;
import java.util.List;
import java.util.Properties;

import org.wso2.carbon.is.migration.dialect.Dialect;

/**
 * Compares a database with release facts from a separate JVM: {@code SchemaCheck <url> <user> <password>
 * <factsDialect> <version> <identity|kernel>}. Prints the differences; exits 0 when there are none, 1 otherwise.
 * Tests running inside an OSGi container use it, because the comparison needs classes private to the bundle.
 */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SchemaCheck <url> <user> <password> <factsDialect> <version> <identity|kernel>");
            System.exit(2);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", args[1]);
        credentials.setProperty("password", args[2]);
        Driver driver = new org.h2.Driver();
        SchemaFacts facts = SchemaFacts.load(args[3], args[4], args[5].equals("kernel"));
        try (Connection connection = driver.connect(args[0], credentials)) {
            List<SchemaDifference> differences = SchemaComparer.compare(facts,
                    LiveSchemaReader.read(connection, Dialect.H2));
            differences.forEach(System.out::println);
            System.out.println(differences.size() + " differences from " + facts.describe());
            System.exit(differences.isEmpty() ? 0 : 1);
        }
    }
}
