package io.jstap.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.TracepointFormat.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatParserTest {

    static final String OPENAT = "name: sys_enter_openat\nID: 782\nformat:\n"
            + "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
            + "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
            + "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
            + "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n"
            + "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n"
            + "\tfield:int dfd;\toffset:16;\tsize:8;\tsigned:0;\n"
            + "\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;\n"
            + "\tfield:int flags;\toffset:32;\tsize:8;\tsigned:0;\n"
            + "\tfield:umode_t mode;\toffset:40;\tsize:8;\tsigned:0;\n\n"
            + "print fmt: \"dfd: 0x%08lx, filename: 0x%08lx\", ((unsigned long)(REC->dfd))\n";

    @Test
    void syscallFormat() {
        TracepointFormat f = FormatParser.parse("syscalls", "sys_enter_openat", OPENAT);
        assertEquals("syscalls:sys_enter_openat", f.name());
        assertEquals(9, f.fields().size());
        assertEquals(new Field("int", "common_pid", 4, 4, true), f.fields().get(3));
        assertEquals(List.of(new Field("int", "__syscall_nr", 8, 4, true), new Field("int", "dfd", 16, 8, false),
                new Field("const char *", "filename", 24, 8, false), new Field("int", "flags", 32, 8, false),
                new Field("umode_t", "mode", 40, 8, false)), f.eventFields());
    }

    @Test
    void arraysAndDataLoc() {
        String text = "format:\n\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;\n"
                + "\tfield:__data_loc char[] name;\toffset:24;\tsize:4;\tsigned:0;\n"
                + "\tfield:unsigned long args[6];\toffset:32;\tsize:48;\tsigned:0;\n";
        TracepointFormat f = FormatParser.parse("c", "e", text);
        assertEquals(new Field("char[16]", "prev_comm", 8, 16, false), f.fields().get(0));
        Field loc = f.fields().get(1);
        assertEquals(new Field("__data_loc char[]", "name", 24, 4, false), loc);
        assertTrue(loc.dataLoc());
        assertEquals(new Field("unsigned long[6]", "args", 32, 48, false), f.fields().get(2));
    }

    @Test
    void malformedLineIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FormatParser.parse("c", "e", "\tfield:int x;\tsize:4;\n"));
        assertEquals("malformed field line in c:e: field:int x;\tsize:4;", e.getMessage());
    }
}
