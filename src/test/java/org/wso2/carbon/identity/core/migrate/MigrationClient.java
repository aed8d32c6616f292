package org.wso2.carbon.identity.core.migrate;

/**
 * Test stand-in for identity core's interface of the same name (carbon-identity-framework; not on Maven Central):
 * the service identity core calls under {@code -Dmigrate}. Written from its public description, not copied.
 */
public interface MigrationClient {

    void execute() throws MigrationClientException;
}
