package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code calsync bench --idle}: an idle poll costs four statements at every size, a projecting one more. */
class IdleBenchTest {

    @Test
    void anIdlePollCostsFourStatementsWhateverTheGroupsSize() {
        List<IdleBench.Row> rows = new IdleBench(new int[] {50, 500}, 20, 3).run();

        assertThat(rows).extracting(IdleBench.Row::dbStatementsPerPass).containsOnly(4.0);
        assertThat(rows).extracting(IdleBench.Row::listCallsPerPass).containsOnly(2.0);
        assertThat(rows).allSatisfy(row -> assertThat(row.projectingDbStatementsPerPass())
                .isGreaterThan(row.dbStatementsPerPass()));
        assertThat(rows.get(1).cpuMicrosPerPass()).isLessThan(rows.get(1).projectingCpuMicrosPerPass());
        assertThat(IdleBench.toJson(rows)).contains("\"idlePass\"", "\"eventsPerCalendar\" : 50",
                "\"dbStatementsPerPass\" : 4.0", "\"cpuMicrosPerPass\"");
        assertThat(IdleBench.toTable(rows)).contains("| 500 | 4.0 |");
    }
}
