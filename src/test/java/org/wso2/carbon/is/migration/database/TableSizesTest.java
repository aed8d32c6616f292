package org.wso2.carbon.is.migration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/** A table's rows come from the engine's statistics where it keeps them, else from an exact count. */
class TableSizesTest {

    static Iterable<TestEngine> engines() {
        return TestEngine.all();
    }

    private static TableSize sizeOfThreeRows(TestDatabase database, boolean analysed) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE SIZED (ID INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO SIZED VALUES (1), (2), (3)");
            if (analysed) {
                statement.execute(switch (database.dialect()) {
                    case MYSQL, MARIADB -> "ANALYZE TABLE SIZED";
                    case POSTGRESQL -> "ANALYZE SIZED";
                    default -> "ANALYZE";
                });
            }
            return TableSizes.of(connection, DatabaseEngine.of(database.dialect()), "SIZED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anAnalysedTableIsSizedFromTheEnginesStatisticsWhereItKeepsThem(TestEngine engine) throws Exception {
        TableSize size = sizeOfThreeRows(engine.newDatabase(), true);

        assertEquals(3, size.rows());
        assertEquals(switch (engine.dialect()) {
            case POSTGRESQL -> "estimate from pg_class.reltuples";
            case MYSQL, MARIADB -> "estimate from information_schema.TABLES.TABLE_ROWS";
            default -> "exact count";
        }, size.source());
    }

    @Test
    void aTablePostgreSqlHasNotAnalysedYetIsCounted() throws Exception {
        TableSize size = sizeOfThreeRows(PostgresEngine.instance().newDatabase(), false);

        assertEquals(3, size.rows());
        assertEquals("exact count", size.source());
    }
}
