package org.wso2.carbon.ndatasource.core;

/** Test stand-in for Carbon's service, registered once every configured DataSource is bound in JNDI. */
public interface DataSourceService {
}
