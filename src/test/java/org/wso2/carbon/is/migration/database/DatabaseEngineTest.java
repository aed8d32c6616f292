package org.wso2.carbon.is.migration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;

class DatabaseEngineTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyDialectHasAnEngineOfItsOwn(Dialect dialect) {
        assertEquals(dialect, DatabaseEngine.of(dialect).dialect());
    }
}
