package dev.calsync.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An insert-or-update of one row, for either database. PostgreSQL gets {@code INSERT … ON CONFLICT … DO UPDATE}
 * (atomic even against concurrent inserts). H2 gets the standard {@code MERGE INTO … USING … ON … WHEN MATCHED …
 * WHEN NOT MATCHED …}, written with every parameter directly against a target column: H2 types parameters by
 * their context, and inside a {@code USING (VALUES (?))} source it would type them as text, garbling binary
 * values. Unlike H2's {@code MERGE … KEY}, both forms can leave insert-only columns alone and add to counters.
 *
 * <p>Callers pass the values once, in the order the columns were declared; {@link Statement#bind} puts each
 * where (and as often as) the dialect's SQL needs it.
 */
final class Upsert {

    private enum Role { KEY, SET, ADD, INSERT_ONLY }

    private record Column(String name, Role role) { }

    /** The SQL of one dialect and, for each of its parameters, which declared column's value goes there. */
    record Statement(String sql, int[] valueIndexes) {
        void bind(PreparedStatement ps, Object... values) throws SQLException {
            for (int i = 0; i < valueIndexes.length; i++) {
                ps.setObject(i + 1, values[valueIndexes[i]]);
            }
        }
    }

    private final String table;
    private final List<Column> columns = new ArrayList<>();

    private Upsert(String table) {
        this.table = table;
    }

    static Upsert into(String table) {
        return new Upsert(table);
    }

    /** Columns of the conflict key. */
    Upsert key(String... names) {
        return add(Role.KEY, names);
    }

    /** Columns overwritten when the row exists. */
    Upsert set(String... names) {
        return add(Role.SET, names);
    }

    /** Counter columns: the new value is added to the stored one when the row exists. */
    Upsert increment(String... names) {
        return add(Role.ADD, names);
    }

    /** Columns written only when the row is created (created_at). */
    Upsert insertOnly(String... names) {
        return add(Role.INSERT_ONLY, names);
    }

    private Upsert add(Role role, String... names) {
        for (String name : names) {
            columns.add(new Column(name, role));
        }
        return this;
    }

    Statement build(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? postgresql() : h2();
    }

    private Statement postgresql() {
        String updates = columns.stream()
                .filter(c -> c.role == Role.SET || c.role == Role.ADD)
                .map(c -> c.role == Role.SET
                        ? c.name + " = EXCLUDED." + c.name
                        : c.name + " = " + table + "." + c.name + " + EXCLUDED." + c.name)
                .collect(Collectors.joining(", "));
        String keys = columns.stream().filter(c -> c.role == Role.KEY).map(Column::name)
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + allNames() + ") VALUES (" + placeholders(columns.size()) + ")"
                + " ON CONFLICT (" + keys + ")"
                + (updates.isEmpty() ? " DO NOTHING" : " DO UPDATE SET " + updates);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
        }
        return new Statement(sql, toArray(order));
    }

    private Statement h2() {
        List<Integer> order = new ArrayList<>();
        List<String> on = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.role == Role.KEY) {
                on.add("t." + c.name + " = ?");
                order.add(i);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.role == Role.SET || c.role == Role.ADD) {
                updates.add(c.role == Role.SET ? c.name + " = ?" : c.name + " = t." + c.name + " + ?");
                order.add(i);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
        }
        String sql = "MERGE INTO " + table + " t USING (SELECT 1) AS s ON " + String.join(" AND ", on)
                + (updates.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + String.join(", ", updates))
                + " WHEN NOT MATCHED THEN INSERT (" + allNames() + ") VALUES (" + placeholders(columns.size()) + ")";
        return new Statement(sql, toArray(order));
    }

    private String allNames() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static int[] toArray(List<Integer> order) {
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
