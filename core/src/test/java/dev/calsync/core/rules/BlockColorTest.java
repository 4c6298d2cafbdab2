package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockColorTest {
    @Test
    void theElevenIndicesAreTheRangeAndHaveNames() {
        assertThat(new BlockColor(1).name()).isEqualTo("lavender");
        assertThat(BlockColor.parse(" 11 ").name()).isEqualTo("tomato");
    }

    @Test
    void outOfRangeOrNotANumberIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> new BlockColor(0)).hasMessageContaining("from 1 to 11");
        assertThatThrownBy(() -> BlockColor.parse("12")).hasMessageContaining("from 1 to 11");
        assertThatThrownBy(() -> BlockColor.parse("red")).hasMessageContaining("not \"red\"");
    }
}
