package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** How {@code tail} writes records: JSON lines, or a table with a heading line and fixed-width columns. */
public enum TailFormat {
    JSON,
    TABLE;

    /** The heading line of a table, or nothing for JSON lines. */
    List<String> heading(RecordView view) {
        if (this == JSON) {
            return List.of();
        }
        return List.of(cells(view, view.columns().stream().map(RecordView.Column::heading).toList()));
    }

    /** One record as a line. */
    String line(RecordView view, ObjectNode json) {
        return this == JSON ? Json.line(json) : cells(view, view.row(json));
    }

    private static String cells(RecordView view, List<String> values) {
        List<RecordView.Column> columns = view.columns();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = values.get(i).replaceAll("\\s+", " ");
            int width = columns.get(i).width();
            if (width == 0) {
                cells.add(value);
            } else if (value.length() > width) {
                cells.add(value.substring(0, width - 1) + "…");
            } else {
                cells.add(value + " ".repeat(width - value.length()));
            }
        }
        return String.join("  ", cells).stripTrailing();
    }
}
