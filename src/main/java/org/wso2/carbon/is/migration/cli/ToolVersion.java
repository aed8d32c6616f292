package org.wso2.carbon.is.migration.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's own. */
final class ToolVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return new String[] {"WSO2 IS migration client " + (version == null ? "(development build)" : version)};
    }
}
