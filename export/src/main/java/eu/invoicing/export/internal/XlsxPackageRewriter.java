package eu.invoicing.export.internal;

import com.github.rzymek.opczip.OpcOutputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

/**
 * Sits between fastexcel and the caller's output and corrects what fastexcel hard-codes: it reads
 * the XLSX package fastexcel streams into it, rewrites the head of chosen parts, and writes the
 * package again, compressed, with the same ZIP writer fastexcel uses (opczip's
 * {@link OpcOutputStream}, deflate level {@value #LEVEL}). fastexcel writes every sheet's
 * {@code <dimension ref="A1"/>} whatever its size, and {@code docProps/core.xml}'s creation time from
 * the wall clock; neither can be set through its API.
 *
 * <p>fastexcel must write its package with compression level 0: its deflate output is then stored
 * blocks, so reading it back costs a copy, not a decompression, and the only compression is this
 * writer's. A part's head is buffered until its rewrite's marker has passed (at most
 * {@value #MAX_HEAD} bytes), the rest of the part streams through; nothing grows with the sheet.
 * The input is checked as it goes: anything but the local-header / deflate / data-descriptor layout
 * opczip writes is an {@link IllegalStateException} (a fastexcel upgrade that changes it must be
 * noticed, not silently shipped).
 *
 * <p>Mutable and not thread-safe; {@link #finish()} completes the package; the caller's stream is
 * flushed, never closed.
 */
final class XlsxPackageRewriter extends OutputStream {

    /** Compression level of the written package (fastexcel's own default). */
    static final int LEVEL = 4;
    /** Most bytes of a part held back while its rewrite's marker has not passed. */
    static final int MAX_HEAD = 64 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int LOCAL_HEADER_SIZE = 30;
    /** opczip's data descriptor: signature, CRC-32, then the sizes as 8-byte (ZIP64) values. */
    private static final int DATA_DESCRIPTOR_SIZE = 24;
    private static final int MAX_NAME = 1024;

    /**
     * A rewrite of the head of one part.
     *
     * @param marker the text whose end closes the head (ASCII), or null for the whole part
     * @param rewrite turns the head's text into what is written; it throws
     *     {@link IllegalStateException} when the head is not what it expects
     */
    record PartRewrite(String marker, UnaryOperator<String> rewrite) {
        PartRewrite {
            Objects.requireNonNull(rewrite, "rewrite");
        }
    }

    private enum State { HEADER, DATA, DESCRIPTOR, TRAILER }

    private final BufferedOutputStream target;
    private final Zip zip;
    private final Map<String, PartRewrite> rewrites;
    private final Set<String> rewritten = new HashSet<>();
    private final Inflater inflater = new Inflater(true);
    private final byte[] staged = new byte[64 * 1024];
    private final byte[] inflated = new byte[64 * 1024];
    private final byte[] header = new byte[LOCAL_HEADER_SIZE + MAX_NAME];
    private int stagedLength;
    private State state = State.HEADER;
    private int headerLength;
    private int headerNeeded = 4;
    private String part;
    private PartRewrite rewrite;
    private ByteArrayOutputStream head;
    private boolean finished;

    /**
     * @param out the caller's output, not null; flushed by {@link #finish()}, never closed
     * @param rewrites the rewrites by part name (e.g. {@code xl/worksheets/sheet1.xml}), not null;
     *     each must find what it expects, or the package is refused
     */
    XlsxPackageRewriter(OutputStream out, Map<String, PartRewrite> rewrites) {
        this.target = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024);
        this.zip = new Zip(target);
        this.rewrites = Map.copyOf(rewrites);
    }

    @Override
    public void write(int b) throws IOException {
        if (stagedLength == staged.length) {
            drain();
        }
        staged[stagedLength++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (stagedLength == staged.length) {
                drain();
            }
            int n = Math.min(len, staged.length - stagedLength);
            System.arraycopy(b, off, staged, stagedLength, n);
            stagedLength += n;
            off += n;
            len -= n;
        }
    }

    /** Buffered input stays buffered: fastexcel flushes every few hundred rows, the package is written in 64 KiB steps. */
    @Override
    public void flush() {
        // Nothing: the caller's stream is flushed once, by finish().
    }

    /**
     * Completes the rewritten package and flushes the caller's stream; call after fastexcel's
     * {@code Workbook.finish()}.
     *
     * @throws IOException if the output fails
     * @throws IllegalStateException if the package fastexcel wrote was incomplete or not as expected
     */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        drain();
        if (state != State.TRAILER) {
            throw new IllegalStateException("XLSX package ended inside " + (part == null ? "its header" : part));
        }
        if (!rewritten.containsAll(rewrites.keySet())) {
            throw new IllegalStateException("XLSX package lacks the parts " + rewrites.keySet() + ", had " + rewritten);
        }
        zip.finish();
        target.flush();
        zip.release();
        inflater.end();
        finished = true;
    }

    @Override
    public void close() {
        // Not the caller's stream to close; fastexcel never closes it either.
    }

    private void drain() throws IOException {
        int off = 0;
        while (off < stagedLength) {
            off = step(staged, off, stagedLength);
        }
        stagedLength = 0;
    }

    /** Consumes input from {@code off} and returns where the next step starts. */
    private int step(byte[] b, int off, int end) throws IOException {
        switch (state) {
            case HEADER:
                return readHeader(b, off, end);
            case DATA:
                return inflate(b, off, end);
            case DESCRIPTOR:
                int n = Math.min(end - off, headerNeeded - headerLength);
                System.arraycopy(b, off, header, headerLength, n);
                headerLength += n;
                if (headerLength == headerNeeded) {
                    if (intAt(0) != DATA_DESCRIPTOR) {
                        throw new IllegalStateException("XLSX package: no data descriptor after " + part);
                    }
                    part = null;
                    expectHeader();
                }
                return off + n;
            case TRAILER:
                // fastexcel's central directory: the rewritten package gets its own.
                return end;
            default:
                throw new IllegalStateException("unknown state " + state);
        }
    }

    private int readHeader(byte[] b, int off, int end) throws IOException {
        int n = Math.min(end - off, headerNeeded - headerLength);
        System.arraycopy(b, off, header, headerLength, n);
        headerLength += n;
        if (headerLength < headerNeeded) {
            return off + n;
        }
        int signature = intAt(0);
        if (signature == CENTRAL_HEADER) {
            state = State.TRAILER;
            return off + n;
        }
        if (signature != LOCAL_HEADER) {
            throw new IllegalStateException("XLSX package: unexpected record 0x" + Integer.toHexString(signature));
        }
        if (headerNeeded == 4) {
            headerNeeded = LOCAL_HEADER_SIZE;
            return off + n;
        }
        int nameLength = shortAt(26);
        int extraLength = shortAt(28);
        if (nameLength + extraLength > MAX_NAME) {
            throw new IllegalStateException("XLSX package: part name of " + nameLength + " bytes");
        }
        if (headerNeeded == LOCAL_HEADER_SIZE && nameLength + extraLength > 0) {
            headerNeeded = LOCAL_HEADER_SIZE + nameLength + extraLength;
            return off + n;
        }
        if ((shortAt(6) & 0x08) == 0 || shortAt(8) != ZipEntry.DEFLATED) {
            throw new IllegalStateException("XLSX package: part not deflated with a data descriptor");
        }
        startPart(new String(header, LOCAL_HEADER_SIZE, nameLength, StandardCharsets.UTF_8));
        return off + n;
    }

    private void startPart(String name) throws IOException {
        part = name;
        rewrite = rewrites.get(name);
        head = rewrite == null ? null : new ByteArrayOutputStream(4096);
        zip.putNextEntry(new ZipEntry(name));
        inflater.reset();
        state = State.DATA;
    }

    private int inflate(byte[] b, int off, int end) throws IOException {
        inflater.setInput(b, off, end - off);
        try {
            while (true) {
                int n = inflater.inflate(inflated);
                if (n > 0) {
                    partBytes(inflated, n);
                } else if (inflater.finished()) {
                    endPart();
                    return end - inflater.getRemaining();
                } else if (inflater.needsInput()) {
                    return end;
                } else {
                    throw new IllegalStateException("XLSX package: " + part + " needs a deflate dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("XLSX package: " + part + " is not deflate data: " + e.getMessage(), e);
        }
    }

    private void partBytes(byte[] b, int len) throws IOException {
        if (head == null) {
            zip.write(b, 0, len);
            return;
        }
        int searchFrom = Math.max(0, head.size() - (rewrite.marker() == null ? 0 : rewrite.marker().length()));
        head.write(b, 0, len);
        if (rewrite.marker() != null) {
            byte[] held = head.toByteArray();
            int at = indexOf(held, rewrite.marker().getBytes(StandardCharsets.US_ASCII), searchFrom);
            if (at >= 0) {
                int headEnd = at + rewrite.marker().length();
                writeHead(held, headEnd);
                zip.write(held, headEnd, held.length - headEnd);
                return;
            }
        }
        if (head.size() > MAX_HEAD) {
            throw new IllegalStateException("XLSX package: " + part + " has no " + rewrite.marker()
                    + " in its first " + MAX_HEAD + " bytes");
        }
    }

    private void writeHead(byte[] held, int length) throws IOException {
        String text = new String(held, 0, length, StandardCharsets.UTF_8);
        zip.write(rewrite.rewrite().apply(text).getBytes(StandardCharsets.UTF_8));
        rewritten.add(part);
        head = null;
    }

    private void endPart() throws IOException {
        if (head != null) {
            if (rewrite.marker() != null) {
                throw new IllegalStateException("XLSX package: " + part + " has no " + rewrite.marker());
            }
            writeHead(head.toByteArray(), head.size());
        }
        zip.closeEntry();
        rewrite = null;
        headerLength = 0;
        headerNeeded = DATA_DESCRIPTOR_SIZE;
        state = State.DESCRIPTOR;
    }

    private void expectHeader() {
        headerLength = 0;
        headerNeeded = 4;
        state = State.HEADER;
    }

    private int intAt(int i) {
        return (header[i] & 0xff) | (header[i + 1] & 0xff) << 8 | (header[i + 2] & 0xff) << 16 | (header[i + 3] & 0xff) << 24;
    }

    private int shortAt(int i) {
        return (header[i] & 0xff) | (header[i + 1] & 0xff) << 8;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** opczip's writer, with a way to free its deflater's native memory at the end. */
    private static final class Zip extends OpcOutputStream {
        Zip(OutputStream out) {
            super(out);
            setLevel(LEVEL);
        }

        void release() {
            def.end();
        }
    }
}
