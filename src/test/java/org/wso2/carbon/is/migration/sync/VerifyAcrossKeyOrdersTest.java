package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * {@code sync verify} when the target orders keys another way than the source: the user names' column has a binary
 * collation on one side (uppercase before lowercase) and a linguistic or case-insensitive one on the other, as a
 * database recreated on another server can. In chunks of 2 over users a, B, c, ... H the source cuts at D, H, c, g,
 * so on the target one range is empty and the next overlaps the first two. Verify still reports nothing for equal
 * data and exactly the three injected differences, and the target's true row count.
 */
class VerifyAcrossKeyOrdersTest {

    private static final List<String> USERS = List.of("a", "B", "c", "D", "e", "F", "g", "H");
    private static final String TABLE = "IDN_IDENTITY_USER_DATA";

    static Stream<Arguments> collations() {
        return Stream.of(
                // the embedded server's databases are C.UTF-8 (binary order); ICU's root locale puts a before B
                Arguments.of(PostgresEngine.instance(), null,
                        "ALTER TABLE IDN_IDENTITY_USER_DATA ALTER COLUMN USER_NAME TYPE VARCHAR(255) COLLATE"
                                + " \"und-x-icu\""),
                Arguments.of(MariaDbEngine.instance(),
                        "ALTER TABLE IDN_IDENTITY_USER_DATA MODIFY USER_NAME VARCHAR(255) CHARACTER SET utf8mb4"
                                + " COLLATE utf8mb4_bin NOT NULL",
                        "ALTER TABLE IDN_IDENTITY_USER_DATA MODIFY USER_NAME VARCHAR(255) CHARACTER SET utf8mb4"
                                + " COLLATE utf8mb4_general_ci NOT NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collations")
    void verifyIsExactWhenTheTargetOrdersKeysDifferently(TestEngine engine, String sourceCollation,
                                                          String targetCollation) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.7.0", "5.9.0", "syncInterval", "10");
        try (Connection source = fixture.source.connect(); Connection target = fixture.target.connect()) {
            if (sourceCollation != null) {
                SyncFixture.execute(source, sourceCollation);
            }
            SyncFixture.execute(target, targetCollation);
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            for (String user : USERS) {
                SyncFixture.putUserData(writer, user, "key", "value-" + user);
            }
        }
        SyncFixture.drain(fixture.run(), 3);
        try (Connection source = fixture.source.connect(); Connection target = fixture.target.connect()) {
            assertEquals(List.of("B", "D", "F", "H", "a", "c", "e", "g"), userNames(source), "source order");
            assertEquals(USERS, userNames(target), "target order");
        }
        SyncVerify verify = new SyncVerify(fixture.settings, fixture.databases, 2);

        VerifyReport equal = verify.run(false);
        assertEquals(0, equal.differences(), equal.text());
        assertTrue(equal.text().contains(TABLE + ": 8 source rows, 8 target rows"), equal.text());

        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "UPDATE IDN_IDENTITY_USER_DATA SET DATA_VALUE = 'changed' WHERE"
                    + " USER_NAME = 'e'");
            SyncFixture.execute(target, "DELETE FROM IDN_IDENTITY_USER_DATA WHERE USER_NAME = 'B'");
            // between c and D on the target, within the range the empty one leaves to its neighbours
            SyncFixture.putUserData(target, "cc", "key", "only-on-target");
        }
        VerifyReport found = verify.run(false);
        assertEquals(3, found.differences(), found.text());
        assertEquals(List.of("[-1234, B, key]", "[-1234, cc, key]", "[-1234, e, key]"),
                found.differingKeys(TABLE).stream().sorted().collect(Collectors.toList()), found.text());
        assertTrue(found.text().contains(TABLE + ": 8 source rows, 8 target rows"), found.text());
    }

    private static List<String> userNames(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT USER_NAME FROM IDN_IDENTITY_USER_DATA ORDER BY"
                     + " USER_NAME")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
