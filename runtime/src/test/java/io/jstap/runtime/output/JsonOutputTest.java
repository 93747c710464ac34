package io.jstap.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.format.GlobalValue;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    @Test
    void everyEventIsOneJsonLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonOutput out = new JsonOutput(bytes, false);
        out.print("a \"quoted\"\ttab\n");
        out.warning("w\\");
        out.error("e\u0001");
        Stats empty = new Stats(HistogramSpec.NONE, 0);
        out.globals(List.of(new GlobalValue.Scalar("count", 5L),
                new GlobalValue.Array("hits", List.of(new GlobalValue.Entry(List.of("sshd", 1423L), 17L))),
                new GlobalValue.Scalar("lat", empty)));
        out.lost(3);
        out.flush();
        assertEquals("{\"type\": \"printf\", \"data\": \"a \\\"quoted\\\"\\ttab\\n\"}\n"
                + "{\"type\": \"warning\", \"data\": \"w\\\\\"}\n"
                + "{\"type\": \"error\", \"data\": \"e\\u0001\"}\n"
                + "{\"type\": \"map\", \"data\": {\"count\": 5}}\n"
                + "{\"type\": \"map\", \"data\": {\"hits\": {\"sshd,1423\": 17}}}\n"
                + "{\"type\": \"stats\", \"data\": {\"lat\": {\"count\": 0}}}\n"
                + "{\"type\": \"lost_events\", \"data\": {\"events\": 3}}\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
