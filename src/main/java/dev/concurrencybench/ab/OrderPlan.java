package dev.concurrencybench.ab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order of one round: which rows run in which sequence, and for each row whether its base
 * fork runs before its new fork (AB) or after (BA). Both are random from a seed, so a run can be
 * repeated exactly.
 *
 * <ul>
 *   <li>The rows are shuffled every round, so no row always runs after the same neighbour.</li>
 *   <li>Each row's pairs come in blocks of two, one AB and one BA in random order: whatever the
 *       second fork of a pair gains or loses from going second (a warmer page cache, a cooler
 *       core), it cancels within the row's own pairs.</li>
 *   <li>Within a round, half the pairs are AB and half BA (one more of either for an odd count),
 *       as far as the rows finishing a block allow; a fresh round is always exactly balanced.</li>
 * </ul>
 */
public final class OrderPlan {

    /** Which fork of a pair runs first. */
    public enum Order {
        AB, BA;

        public Side first() {
            return this == AB ? Side.BASE : Side.NEW;
        }

        public Side second() {
            return this == AB ? Side.NEW : Side.BASE;
        }

        Order opposite() {
            return this == AB ? BA : AB;
        }
    }

    /** One scheduled pair. */
    public record Slot(int row, Order order) {
    }

    private final Random random;
    /** For rows in the middle of a block: the order of the block's first pair. */
    private final Map<Integer, Order> openBlocks = new HashMap<>();

    public OrderPlan(long seed) {
        this.random = new Random(seed);
    }

    /** The next round over these rows (indices), shuffled, each with its order. */
    public List<Slot> round(List<Integer> rows) {
        List<Integer> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        int forcedAb = 0;
        List<Integer> free = new ArrayList<>();
        for (int r : shuffled) {
            Order open = openBlocks.get(r);
            if (open == null) {
                free.add(r);
            } else if (open.opposite() == Order.AB) {
                forcedAb++;
            }
        }
        // AB count for the round: half, the odd one decided by a coin.
        int targetAb = shuffled.size() / 2 + (shuffled.size() % 2 == 1 && random.nextBoolean() ? 1 : 0);
        int freeAb = Math.max(0, Math.min(free.size(), targetAb - forcedAb));
        List<Integer> freeOrder = new ArrayList<>(free);
        Collections.shuffle(freeOrder, random);
        Map<Integer, Order> chosen = new HashMap<>();
        for (int k = 0; k < freeOrder.size(); k++) {
            chosen.put(freeOrder.get(k), k < freeAb ? Order.AB : Order.BA);
        }
        List<Slot> slots = new ArrayList<>(shuffled.size());
        for (int r : shuffled) {
            Order open = openBlocks.get(r);
            slots.add(new Slot(r, open == null ? chosen.get(r) : open.opposite()));
        }
        return slots;
    }

    /** Records that a slot's pair ran, opening or closing the row's block. */
    public void ran(Slot slot) {
        if (openBlocks.remove(slot.row()) == null) {
            openBlocks.put(slot.row(), slot.order());
        }
    }
}
