import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.tartarus.snowball.ext.PorterStemmer;

/** Prints each word of a gzipped vocabulary with its Porter stem, the form of the shared zh-en dictionary's English side. */
public class StemVocabulary {
    public static void main(String[] args) throws Exception {
        PorterStemmer stemmer = new PorterStemmer();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(args[0])), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String w = line.strip().toLowerCase();
                stemmer.setCurrent(w); stemmer.stem();
                System.out.println(w + "\t" + stemmer.getCurrent());
            }
        }
    }
}
