package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.sync.SyncDdl;
import org.wso2.carbon.is.migration.sync.SyncSettings;
import org.wso2.carbon.is.migration.sync.SyncTables;

/**
 * The sync tool's DDL for the engines no test runs (Oracle, MSSQL, DB2), checked statically: the script splits with
 * the engine's own terminators, every statement is read by {@link CheckableSql} (tables inside the re-runnable
 * blocks, the INSERTs of every trigger body), it creates the dead-letter table and one journal per synced table,
 * and every name it gives fits Oracle's 30 characters.
 */
class SyncDdlStaticCheckTest {

    private static final Pattern TOOL_NAME = Pattern.compile("\\bISS_\\w+");

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "MSSQL", "DB2"})
    void thePrepareScriptSplitsParsesAndCreatesEveryJournal(Dialect dialect) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sourceVersion", "5.7.0");
        properties.setProperty("targetVersion", "5.9.0");
        properties.setProperty("syncTables", "IDN_OAUTH2_ACCESS_TOKEN,IDN_OAUTH2_ACCESS_TOKEN_SCOPE,"
                + "IDN_OAUTH2_AUTHORIZATION_CODE,IDN_IDENTITY_USER_DATA");
        properties.setProperty("identitySchema", "jdbc/A,jdbc/B");
        SyncSettings settings = SyncSettings.of(properties, "sync.properties");
        String script = SyncDdl.of(dialect).prepareScript(SyncTables.resolve(settings, "mysql"));

        List<SqlStatement> statements = StatementSplitter.split(script, "sync " + dialect, dialect);
        assertEquals(1 + 4 * 4, statements.size(), "the dead-letter table, then a journal and three triggers per"
                + " table:\n" + script);
        List<String> created = new ArrayList<>();
        for (SqlStatement statement : statements) {
            created.addAll(CheckableSql.of(statement, dialect).createdObjects());
        }
        assertEquals(List.of("TABLE ISS_DEAD_LETTER", "TABLE ISS_J_IDN_OAUTH2_ACCESS_TOKEN",
                "TABLE ISS_J_IDN_OAUTH2_ACCESS_T_ABF1", "TABLE ISS_J_IDN_OAUTH2_AUTHORIZ_6E3F",
                "TABLE ISS_J_IDN_IDENTITY_USER_DATA"), created);
        Matcher names = TOOL_NAME.matcher(script);
        while (names.find()) {
            assertTrue(names.group().length() <= 30, names.group() + " is longer than Oracle's 30 characters");
        }
    }
}
