package io.jstap.linux;

import java.util.HashMap;
import java.util.Map;

/** Linux errno numbers (x86_64) with their symbolic names and the C library's descriptions. */
public final class Errno {

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7,
            EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17,
            ENODEV = 19, ENOTDIR = 20, EINVAL = 22, EMFILE = 24, ENOTTY = 25, ENOSPC = 28, ERANGE = 34,
            ENOSYS = 38, ELOOP = 40, ENODATA = 61, EOVERFLOW = 75, EOPNOTSUPP = 95,
            ENOTSUPP = 524;

    private static final Map<Integer, String[]> TABLE = new HashMap<>();

    static {
        add(EPERM, "EPERM", "Operation not permitted");
        add(ENOENT, "ENOENT", "No such file or directory");
        add(ESRCH, "ESRCH", "No such process");
        add(EINTR, "EINTR", "Interrupted system call");
        add(EIO, "EIO", "Input/output error");
        add(ENXIO, "ENXIO", "No such device or address");
        add(E2BIG, "E2BIG", "Argument list too long");
        add(8, "ENOEXEC", "Exec format error");
        add(EBADF, "EBADF", "Bad file descriptor");
        add(10, "ECHILD", "No child processes");
        add(EAGAIN, "EAGAIN", "Resource temporarily unavailable");
        add(ENOMEM, "ENOMEM", "Cannot allocate memory");
        add(EACCES, "EACCES", "Permission denied");
        add(EFAULT, "EFAULT", "Bad address");
        add(EBUSY, "EBUSY", "Device or resource busy");
        add(EEXIST, "EEXIST", "File exists");
        add(18, "EXDEV", "Invalid cross-device link");
        add(ENODEV, "ENODEV", "No such device");
        add(ENOTDIR, "ENOTDIR", "Not a directory");
        add(21, "EISDIR", "Is a directory");
        add(EINVAL, "EINVAL", "Invalid argument");
        add(23, "ENFILE", "Too many open files in system");
        add(EMFILE, "EMFILE", "Too many open files");
        add(ENOTTY, "ENOTTY", "Inappropriate ioctl for device");
        add(26, "ETXTBSY", "Text file busy");
        add(27, "EFBIG", "File too large");
        add(ENOSPC, "ENOSPC", "No space left on device");
        add(30, "EROFS", "Read-only file system");
        add(32, "EPIPE", "Broken pipe");
        add(ERANGE, "ERANGE", "Numerical result out of range");
        add(36, "ENAMETOOLONG", "File name too long");
        add(ENOSYS, "ENOSYS", "Function not implemented");
        add(39, "ENOTEMPTY", "Directory not empty");
        add(ELOOP, "ELOOP", "Too many levels of symbolic links");
        add(ENODATA, "ENODATA", "No data available");
        add(EOVERFLOW, "EOVERFLOW", "Value too large for defined data type");
        add(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported");
        add(110, "ETIMEDOUT", "Connection timed out");
        add(ENOTSUPP, "ENOTSUPP", "Operation is not supported (kernel-internal ENOTSUPP)");
    }

    private Errno() {
    }

    private static void add(int n, String name, String text) {
        TABLE.put(n, new String[] {name, text});
    }

    /** The symbolic name, e.g. {@code "EPERM"}, or {@code "errno 123"} for numbers not in the table. */
    public static String name(int errno) {
        String[] e = TABLE.get(errno);
        return e == null ? "errno " + errno : e[0];
    }

    /** The C library's description, e.g. {@code "Operation not permitted"}. */
    public static String text(int errno) {
        String[] e = TABLE.get(errno);
        return e == null ? "Unknown error " + errno : e[1];
    }
}
