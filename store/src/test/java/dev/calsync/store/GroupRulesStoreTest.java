package dev.calsync.store;

import static dev.calsync.store.Fixtures.CLIENT;
import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import dev.calsync.store.TestDatabases.Db;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupRulesStoreTest {
    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void everyRuleRoundTrips(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        WorkingHours hours = new WorkingHours(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30),
                LocalTime.of(17, 45), ZoneId.of("America/New_York"));
        GroupRules rules = new GroupRules(new BusyRules(new TentativeRule(false), AllDayRule.ALWAYS,
                new OutOfOfficeRule(false), hours, new SkipTitles(List.of("[nosync]", "Private"))), new BlockColor(11),
                Map.of(HOME, CalendarRole.SOURCE, CLIENT, CalendarRole.TARGET), Map.of(HOME, "Home", WORK, "Work"));
        SyncGroup group = new SyncGroup(unique("group"), "bob", "{calendar}: {title}", new Window(7, 60), null, null,
                List.of(HOME, CLIENT, WORK), rules);

        store.saveGroup(group);

        assertThat(store.group(group.id())).contains(group);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void defaultRulesRoundTripAndSavingDefaultsAgainClearsTheRules(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        SyncGroup plain = new SyncGroup(unique("group"), "bob", "Busy", null, null, null, List.of(HOME, WORK));
        store.saveGroup(plain.withRules(GroupRules.DEFAULT.withColor(new BlockColor(3))
                .withBusy(BusyRules.DEFAULT.withHours(new WorkingHours(EnumSet.of(DayOfWeek.SUNDAY),
                        LocalTime.of(9, 0), LocalTime.of(10, 0), ZoneId.of("UTC"))))
                .withRoles(Map.of(WORK, CalendarRole.TARGET))));

        store.saveGroup(plain);

        assertThat(store.group(plain.id())).contains(plain);
        assertThat(store.group(plain.id()).orElseThrow().rules()).isEqualTo(GroupRules.DEFAULT);
    }
}
