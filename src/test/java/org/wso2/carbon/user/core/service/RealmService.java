package org.wso2.carbon.user.core.service;

/**
 * Test stand-in for Carbon's user realm service, which needs the DataSources and which identity core waits for: it
 * appears after DataSourceService.
 */
public interface RealmService {
}
