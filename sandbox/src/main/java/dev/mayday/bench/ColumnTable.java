package dev.mayday.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small table of text cells, one row per figure and a column per setup, as lines under the main table. */
final class ColumnTable {

    private ColumnTable() {
    }

    static List<String> lines(List<String> header, Map<String, List<String>> rows) {
        List<List<String>> table = new ArrayList<>(List.of(header));
        rows.forEach((figure, cells) -> {
            List<String> row = new ArrayList<>(List.of(figure));
            row.addAll(cells);
            table.add(row);
        });
        int[] widths = new int[header.size()];
        table.forEach(row -> {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            List<String> row = table.get(r);
            for (int i = 0; i < widths.length; i++) {
                line.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s",
                        i < row.size() ? row.get(i) : "")).append(" |");
            }
            lines.add(line.toString());
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append("-".repeat(width + 2)).append('|');
                }
                lines.add(rule.toString());
            }
        }
        return lines;
    }
}
