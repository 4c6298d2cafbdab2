package dev.calsync.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        // Classes run from target/classes (IDE, tests) have no manifest.
        return new String[] {"calsync " + (version == null ? "development build" : version)};
    }
}
