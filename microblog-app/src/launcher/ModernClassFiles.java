import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar with its pre-Java 6 class files rewritten as Java 8 ones: the same bytecode, with
 * the stack maps that version requires computed by the JDK's class-file API, and each rewritten
 * class checked by its verifier. The launcher runs it, on JDK 25 and later, for picocli, whose
 * Java 5 class files an ahead-of-time cache cannot hold (remkop/picocli#1623): every command
 * would otherwise load and verify its 170 classes from the jar at each start.
 *
 * <p>Run from source, as the project compiles for Java 17 and this API came in Java 24:
 * {@code java ModernClassFiles.java IN.jar OUT.jar}. Fails, writing nothing usable, on a class it
 * cannot rewrite; the launcher then keeps the original jar.
 */
public final class ModernClassFiles {
    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    private ModernClassFiles() {}

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (URLClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null)) {
            ClassFile classFiles = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.ofResourceParsing(jar).orElse(ClassHierarchyResolver.defaultResolver())));
            try (ZipInputStream source = new ZipInputStream(Files.newInputStream(in));
                    ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(out))) {
                for (ZipEntry entry; (entry = source.getNextEntry()) != null; ) {
                    byte[] bytes = source.readAllBytes();
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        bytes = modernized(classFiles, bytes);
                    }
                    target.putNextEntry(new ZipEntry(entry.getName()));
                    target.write(bytes);
                    target.closeEntry();
                }
            }
        }
    }

    /** The class as Java 8 class file, or as it is if it is Java 6 or later already. */
    private static byte[] modernized(ClassFile classFiles, byte[] bytes) {
        ClassModel model = classFiles.parse(bytes);
        if (model.majorVersion() >= JAVA_6) {
            return bytes;
        }
        // Rebuilding every method body is what makes the API compute its stack maps.
        byte[] rewritten = classFiles.transformClass(
                model,
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                        .andThen((builder, element) -> {
                            if (element instanceof ClassFileVersion) {
                                builder.withVersion(JAVA_8, 0);
                            } else {
                                builder.with(element);
                            }
                        }));
        List<VerifyError> errors = classFiles.verify(rewritten);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return rewritten;
    }
}
