package io.powernode.devops.command.endpoint;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryDiffTest {

    private record Item(String key, int value) {
    }

    private static Map<String, Item> known(Item... items) {
        Map<String, Item> known = new LinkedHashMap<>();
        for (Item item : items) {
            known.put(item.key(), item);
        }
        return known;
    }

    @Test
    void sorts_observed_items_into_added_changed_and_removed_by_key() {
        InventoryDiff<Item> diff = InventoryDiff.between(known(new Item("a", 1), new Item("b", 1), new Item("c", 1)),
                List.of(new Item("a", 1), new Item("b", 2), new Item("d", 1)), Item::key);

        assertThat(diff.added()).containsExactly(new Item("d", 1));
        assertThat(diff.changed()).containsExactly(new Item("b", 2));
        assertThat(diff.removedKeys()).containsExactly("c");
    }

    @Test
    void identical_inventories_differ_in_nothing() {
        InventoryDiff<Item> diff = InventoryDiff.between(known(new Item("a", 1)), List.of(new Item("a", 1)),
                Item::key);

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void applying_a_diff_turns_the_known_inventory_into_the_observed_one() {
        Map<String, Item> known = known(new Item("a", 1), new Item("b", 1), new Item("c", 1));
        List<Item> observed = List.of(new Item("a", 1), new Item("b", 2), new Item("d", 1));

        InventoryDiff.between(known, observed, Item::key).applyTo(known, Item::key);

        assertThat(known.values()).containsExactlyInAnyOrderElementsOf(observed);
    }
}
