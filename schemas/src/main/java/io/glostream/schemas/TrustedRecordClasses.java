package io.glostream.schemas;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro load the generated classes a serde reads into, and no others.
 *
 * <p>Avro 1.12.2 loads a class by name (to build a specific record or enum while decoding, or to
 * copy one in a generated builder) only when {@link ClassSecurityValidator} trusts it, and by
 * default it trusts no application class at all (a regression of AVRO-4189; the guard exists so
 * that a schema from outside cannot name an arbitrary class, CVE-2024-47561). Rather than opening
 * whole packages with the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property, which must
 * be set before Avro is loaded, each serde trusts exactly the classes generated for its own reader
 * schema: types chosen in code, never taken from a writer's schema.
 */
final class TrustedRecordClasses {

    private static final Set<Class<?>> TRUSTED = ConcurrentHashMap.newKeySet();

    static {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, TRUSTED::contains));
    }

    private TrustedRecordClasses() {
    }

    /** Trusts the generated record, enum and fixed classes of every named type in {@code readerSchema}. */
    static void trustGeneratedClassesOf(Schema readerSchema, ClassLoader loader) {
        for (Schema named : namedTypes(readerSchema, new HashSet<>(), new HashSet<>())) {
            Class<?> generated = generatedClass(named, loader);
            if (generated != null) {
                TRUSTED.add(generated);
            }
        }
    }

    private static Set<Schema> namedTypes(Schema schema, Set<String> seen, Set<Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    found.add(schema);
                    schema.getFields().forEach(field -> namedTypes(field.schema(), seen, found));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema.getFullName())) {
                    found.add(schema);
                }
            }
            case ARRAY -> namedTypes(schema.getElementType(), seen, found);
            case MAP -> namedTypes(schema.getValueType(), seen, found);
            case UNION -> schema.getTypes().forEach(branch -> namedTypes(branch, seen, found));
            default -> { }
        }
        return found;
    }

    /** The class the Avro compiler generated for a named type, or null when there is none. */
    private static Class<?> generatedClass(Schema named, ClassLoader loader) {
        Class<?> candidate;
        try {
            candidate = Class.forName(SpecificData.getClassName(named), false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        boolean generated = switch (named.getType()) {
            case RECORD -> SpecificRecord.class.isAssignableFrom(candidate);
            case ENUM -> candidate.isEnum();
            case FIXED -> GenericFixed.class.isAssignableFrom(candidate);
            default -> false;
        };
        return generated ? candidate : null;
    }
}
