package org.wso2.carbon.identity.core.util;

/**
 * Test stand-in for the service identity core registers at the end of its activation: the rest of identity (and so
 * the traffic it serves) waits for it.
 */
public interface IdentityCoreInitializedEvent {
}
