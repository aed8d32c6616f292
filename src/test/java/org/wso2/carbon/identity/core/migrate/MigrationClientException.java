package org.wso2.carbon.identity.core.migrate;

/** Test stand-in for identity core's checked exception of the same name, which its activation lets through. */
public class MigrationClientException extends Exception {

    private static final long serialVersionUID = 1L;

    public MigrationClientException(String message) {
        super(message);
    }
}
