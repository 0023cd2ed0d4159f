package dev.periscope.model.event;

import dev.periscope.model.AssetClass;
import dev.periscope.model.Instrument;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code copyFrom} and {@code copy} of every event type copy every instance field, found by reflection (the event's
 * own fields and the {@link MarketEvent} header): each field of the source gets a distinct non-default value, the
 * target starts from different ones, and after the copy every field must be equal. A field added later and forgotten
 * in {@code copyFrom} fails here.
 */
class EventCopyFromTest {
    static final List<Class<? extends MarketEvent>> TYPES = List.of(TradeEvent.class, QuoteEvent.class,
            BookDeltaEvent.class, OrderEvent.class, FeedStatusEvent.class, BarEvent.class);

    static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    /** A value for field number {@code i} that differs per {@code salt} and from the type's default. */
    static Object value(Class<?> t, int i, int salt) {
        int v = 3 + i * 7 + salt * 101;
        if (t == long.class) return (long) v * 1_000_000_007L;
        if (t == int.class) return v;
        if (t == char.class) return (char) ('A' + v % 26);
        if (t == byte.class) return (byte) v;
        if (t == boolean.class) return salt % 2 == 0;
        if (t == String.class) return "s" + v;
        if (t == Instrument.class) return new Instrument("SYM" + v, AssetClass.CRYPTO_SPOT, "M" + salt, 1);
        if (t.isEnum()) {
            Object[] c = t.getEnumConstants();
            return c[(i + salt) % c.length];
        }
        throw new AssertionError("no test value for a field of type " + t + ": extend EventCopyFromTest.value");
    }

    static <E extends MarketEvent> E filled(Class<E> c, int salt) throws Exception {
        E e = c.getDeclaredConstructor().newInstance();
        List<Field> fs = fields(c);
        for (int i = 0; i < fs.size(); i++) fs.get(i).set(e, value(fs.get(i).getType(), i, salt));
        return e;
    }

    @Test
    void copyFromCopiesEveryDeclaredFieldOfEveryEventType() throws Exception {
        for (Class<? extends MarketEvent> c : TYPES) {
            MarketEvent src = filled(c, 1), dst = filled(c, 2);
            List<Field> fs = fields(c);
            assertThat(fs).as(c.getSimpleName() + " fields").hasSizeGreaterThan(5);
            for (Field f : fs) {
                if (f.getType() != boolean.class) {
                    assertThat(f.get(dst)).as("test values differ: " + c.getSimpleName() + "." + f.getName()).isNotEqualTo(f.get(src));
                }
            }
            Method copyFrom = c.getMethod("copyFrom", c);
            assertThat(copyFrom.invoke(dst, src)).isSameAs(dst);
            Object copy = c.getMethod("copy").invoke(src);
            for (Field f : fs) {
                assertThat(f.get(dst)).as(c.getSimpleName() + "." + f.getName() + " after copyFrom").isEqualTo(f.get(src));
                assertThat(f.get(copy)).as(c.getSimpleName() + "." + f.getName() + " after copy").isEqualTo(f.get(src));
            }
        }
    }

    @Test
    void everyConcreteEventClassOfThePackageIsCovered() throws Exception {
        java.net.URL dir = MarketEvent.class.getResource("MarketEvent.class");
        assertThat(dir.getProtocol()).isEqualTo("file");
        List<String> concrete = new ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()).getParent())) {
            for (String n : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$")).toList()) {
                Class<?> c = Class.forName("dev.periscope.model.event." + n.substring(0, n.length() - 6));
                if (MarketEvent.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) concrete.add(c.getSimpleName());
            }
        }
        assertThat(concrete).containsExactlyInAnyOrderElementsOf(TYPES.stream().map(Class::getSimpleName).toList());
    }
}
