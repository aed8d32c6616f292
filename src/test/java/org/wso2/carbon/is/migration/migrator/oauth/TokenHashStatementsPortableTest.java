package org.wso2.carbon.is.migration.migrator.oauth;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.migrator.ChunkedUpdateStatements;
import org.wso2.carbon.is.migration.migrator.oauth.TokenHashMigrator.HashColumn;
import org.wso2.carbon.is.migration.sql.PortableStatements;

/**
 * Every statement of the 5.7.0 token-hash step, for each hash column and in every dialect, parses and keeps the
 * portability rules of {@link PortableStatements}: among them, no condition compares with '' (NULL on Oracle) and the
 * JSON is built with two-argument CONCATs.
 */
class TokenHashStatementsPortableTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatementParsesAndKeepsThePortabilityRules(Dialect dialect) {
        List<String> statements = new ArrayList<>();
        for (HashColumn column : HashColumn.values()) {
            statements.addAll(ChunkedUpdateStatements.of(column.update(TokenHashMigrator.DEFAULT_ALGORITHM),
                    dialect));
            statements.add(column.missingStatement());
        }
        PortableStatements.assertPortable(dialect, statements);
    }
}
