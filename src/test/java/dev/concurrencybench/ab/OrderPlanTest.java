package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.ab.OrderPlan.Order;
import dev.concurrencybench.ab.OrderPlan.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderPlanTest {

    private static List<List<Slot>> rounds(long seed, int rows, int rounds) {
        OrderPlan plan = new OrderPlan(seed);
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        List<List<Slot>> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Slot> round = plan.round(all);
            round.forEach(plan::ran);
            out.add(round);
        }
        return out;
    }

    @Test
    void aSeededOrderIsReproducibleAndAnotherSeedGivesAnother() {
        assertEquals(rounds(42, 20, 6), rounds(42, 20, 6));
        assertNotEquals(rounds(42, 20, 6), rounds(43, 20, 6));
    }

    @Test
    void everyRoundIsHalfAbAndHalfBa() {
        for (int rows : new int[] {1, 2, 7, 20, 64}) {
            for (List<Slot> round : rounds(rows, rows, 8)) {
                long ab = round.stream().filter(s -> s.order() == Order.AB).count();
                assertTrue(Math.abs(ab - (round.size() - ab)) <= 1, rows + " rows: " + round);
                if (rows % 2 == 0) {
                    assertEquals(rows / 2, ab);
                }
            }
        }
    }

    @Test
    void eachRowsPairsComeInBlocksOfOneAbAndOneBa() {
        List<List<Slot>> rounds = rounds(7, 15, 10);
        Map<Integer, List<Order>> byRow = new HashMap<>();
        rounds.forEach(round -> round.forEach(s -> byRow.computeIfAbsent(s.row(), k -> new ArrayList<>()).add(s.order())));
        byRow.forEach((row, orders) -> {
            for (int i = 0; i + 1 < orders.size(); i += 2) {
                assertNotEquals(orders.get(i), orders.get(i + 1), "row " + row + ": " + orders);
            }
        });
        // Blocks start at random: some rows begin with AB, some with BA.
        assertTrue(byRow.values().stream().map(o -> o.get(0)).distinct().count() == 2);
    }

    @Test
    void rowsAreShuffledEveryRound() {
        List<List<Slot>> rounds = rounds(3, 30, 4);
        List<List<Integer>> sequences = rounds.stream().map(r -> r.stream().map(Slot::row).toList()).toList();
        assertEquals(4, sequences.stream().distinct().count());
        sequences.forEach(s -> assertEquals(30, s.stream().distinct().count()));
    }

    @Test
    void aSubsetOfRowsKeepsEachRowsBlocks() {
        OrderPlan plan = new OrderPlan(9);
        Map<Integer, List<Order>> byRow = new HashMap<>();
        List<List<Integer>> subsets = List.of(List.of(0, 1, 2, 3), List.of(0, 2), List.of(1, 3, 0), List.of(0, 1, 2, 3));
        for (List<Integer> subset : subsets) {
            for (Slot s : plan.round(subset)) {
                plan.ran(s);
                byRow.computeIfAbsent(s.row(), k -> new ArrayList<>()).add(s.order());
            }
        }
        byRow.forEach((row, orders) -> {
            for (int i = 0; i + 1 < orders.size(); i += 2) {
                assertNotEquals(orders.get(i), orders.get(i + 1), "row " + row + ": " + orders);
            }
        });
    }
}
