package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SettingDefinitionTest {

    @Test
    void validatesValuesAgainstTheirType() {
        SettingDefinition perPage = SettingDefinition.of("posts-per-page", SettingType.INTEGER, "10", "Posts on one archive page");
        assertThat(perPage.validate("25")).isNull();
        assertThat(perPage.validate("many")).isEqualTo("Setting 'posts-per-page': 'many' is not a whole number");

        SettingDefinition format = SettingDefinition.choice("format", "atom", "Feed format", List.of("atom", "rss"));
        assertThat(format.validate("rss")).isNull();
        assertThat(format.validate("json")).contains("'json' is not one of [atom, rss]");
    }

    @Test
    void refusesADefaultThatItsOwnTypeWouldRefuse() {
        assertThatThrownBy(() -> SettingDefinition.of("enabled", SettingType.BOOLEAN, "yes", ""))
                .hasMessageContaining("Setting 'enabled'")
                .hasMessageContaining("'yes' is not true or false");
    }

    @Test
    void refusesKeysThatCannotNamespaceCleanly() {
        assertThatThrownBy(() -> SettingDefinition.of("Posts Per Page", SettingType.STRING, "", ""))
                .hasMessageContaining("'Posts Per Page'");
    }

    @Test
    void refusesADescriptorThatDeclaresAKeyTwice() {
        SettingDefinition size = SettingDefinition.of("size", SettingType.INTEGER, "1", "");
        assertThatThrownBy(() -> PluginDescriptor.builder("dup").setting(size).setting(size).build())
                .hasMessageContaining("Plugin 'dup' declares a setting key twice");
    }
}
