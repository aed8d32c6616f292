/**
 * The migrator SPI: the only package this bundle exports (see bnd.bnd).
 */
package org.wso2.carbon.is.migration.api;
