package org.integrationledger.query.rebuild;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java serialization of spilled rebuild states, with each class descriptor written as the class's name only.
 *
 * <p>Every state is its own stream (it is read back alone, by key), and a plain {@code ObjectOutputStream} writes the
 * full descriptor of every class it meets (each field's name and type) into every stream; reading one back parsed
 * those descriptors and resolved each class through the application's class loader. In a rebuild's profile that was
 * half of the rebuild thread's samples (docs/benchmarks.md, "Spilled states"). A spill is written and read by the same
 * process and deleted at the end of its rebuild, so the class's local descriptor is the right one to read with, and
 * the name is all the stream needs. Everything else (which fields, {@code writeObject} hooks, enums, records, the
 * class filter) is Java serialization's own.
 */
final class SpillSerialization {

    /** Descriptors of the classes read so far, by name; the classes of the states of this build only. */
    private static final Map<String, ObjectStreamClass> DESCRIPTORS = new ConcurrentHashMap<>();

    private SpillSerialization() {
    }

    /** The state's bytes; {@code buffer} is reset and reused, so one thread serializes with it at a time. */
    static byte[] serialize(Serializable state, ByteArrayOutputStream buffer) {
        buffer.reset();
        try (ObjectOutputStream out = new NamesOnlyOutput(buffer)) {
            out.writeObject(state);
        } catch (IOException e) {
            throw new UncheckedIOException("could not spill a rebuild state", e);
        }
        return buffer.toByteArray();
    }

    /** Reads back what {@link #serialize} wrote; a class the filter refuses fails the read. */
    static Object deserialize(byte[] bytes, ObjectInputFilter filter) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new NamesOnlyInput(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    private static final class NamesOnlyOutput extends ObjectOutputStream {

        NamesOnlyOutput(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void writeClassDescriptor(ObjectStreamClass descriptor) throws IOException {
            writeUTF(descriptor.getName());
        }
    }

    private static final class NamesOnlyInput extends ObjectInputStream {

        NamesOnlyInput(InputStream in) throws IOException {
            super(in);
        }

        /**
         * The local descriptor of the named class. The class is only loaded here, not initialized; the stream's
         * filter is still asked about it before any instance is made (ObjectInputStream checks every class it
         * resolves).
         */
        @Override
        protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
            String name = readUTF();
            ObjectStreamClass descriptor = DESCRIPTORS.get(name);
            if (descriptor == null) {
                descriptor = ObjectStreamClass.lookupAny(Class.forName(name, false,
                        SpillSerialization.class.getClassLoader()));
                DESCRIPTORS.put(name, descriptor);
            }
            return descriptor;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            Class<?> local = descriptor.forClass();
            return local != null ? local : super.resolveClass(descriptor);
        }
    }
}
