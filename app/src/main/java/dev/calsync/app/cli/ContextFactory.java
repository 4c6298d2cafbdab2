package dev.calsync.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Lets picocli construct commands that take the {@link CliContext}. */
final class ContextFactory implements IFactory {

    private final CliContext context;

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
