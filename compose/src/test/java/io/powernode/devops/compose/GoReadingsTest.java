package io.powernode.devops.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI's readings of durations, sizes, CPUs and shell words, and Go's spelling of floats. */
class GoReadingsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({"0,0", "10s,10000000000", "1m30s,90000000000", "1.5h,5400000000000", "300ms,300000000",
            "2us,2000", "2µs,2000", "-1s,-1000000000", "1h2m3s4ms5us6ns,3723004005006", ".5s,500000000"})
    void readsDurationsAsGo(String text, long nanos) {
        assertThat(GoDuration.nanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"'',time: invalid duration", "10,time: missing unit", "10 s,time: unknown unit", "1d,time: unknown unit", "..5s,time: invalid duration"})
    void refusesWhatGoRefuses(String text, String message) {
        assertThatThrownBy(() -> GoDuration.nanos(text)).hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"100,100", "1k,1024", "64M,67108864", "64m,67108864", "1.5g,1610612736", "512MiB,536870912",
            "2 GB,2147483648", "1t,1099511627776"})
    void readsMemoryAsRamSizes(String text, long bytes) {
        assertThat(Quantities.bytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} CPUs = {1} nano-CPUs")
    @CsvSource({"1,1000000000", "0.5,500000000", "1/4,250000000", "2.000000001,2000000001", "1e-3,1000000"})
    void readsCpusAsRationalNumbers(String text, long nanos) {
        assertThat(Quantities.nanoCpus(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "echo hello|echo,hello", "a \"b c\" d|a,b c,d", "'x \" y'|x \" y", "a\\ b|a b", "\"\"|",
            "a #b c|a", "a#b|a#b", "\"a\\\"b\"|a\"b", "sh -c 'echo $HOME'|sh,-c,echo $HOME"})
    void splitsCommandsAsShlex(String command, String words) {
        assertThat(ShellWords.split(command)).isEqualTo(words == null ? List.of("") : List.of(words.split(",")));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({"1.0,1", "0.5,0.5", "100000.0,100000", "1000000.0,1e+06", "0.0001,0.0001", "0.00001,1e-05",
            "1.5e300,1.5e+300", "-2.5,-2.5", "0.1,0.1", "123456.789,123456.789"})
    void spellsFloatsAsGo(double value, String text) {
        assertThat(GoFormat.number(value)).isEqualTo(text);
    }
}
