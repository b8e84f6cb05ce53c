package dev.parley.demo;

import dev.parley.engine.ConferenceType;
import java.awt.Component;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The "Recent" tab of a person's window: their calls, newest first (with whom, which way and
 * how it ended, video or audio, when in the locale's format, how long), missed calls in the
 * error colour, and "Call back" for the one selected. Tells how many missed calls are unseen.
 *
 * <p>Threading: EDT.
 */
final class RecentCalls extends JPanel {

    private final CallHistory history;
    private final LongFunction<String> names;
    private final DefaultListModel<CallHistory.Call> model = new DefaultListModel<>();
    private final JList<CallHistory.Call> list = new JList<>(model);
    private final IntConsumer unseenChanged;

    /**
     * @param callBack calls the type and people of a call chosen with "Call back"
     * @param unseenChanged told the number of unseen missed calls whenever it changes
     */
    RecentCalls(CallHistory history, LongFunction<String> names, BiConsumer<ConferenceType, List<Long>> callBack,
            IntConsumer unseenChanged) {
        super(new MigLayout("insets panel, fill, wrap 1", "[grow, fill]", "[grow, fill][]"));
        this.history = history;
        this.names = names;
        this.unseenChanged = unseenChanged;
        list.setName("parley.recent");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.getAccessibleContext().setAccessibleName(Texts.get("recent.tab"));
        history.calls().forEach(model::addElement);
        JButton again = new JButton(Texts.get("recent.callBack"));
        again.setName("parley.callBack");
        again.setEnabled(false);
        list.addListSelectionListener(e -> again.setEnabled(list.getSelectedValue() != null));
        again.addActionListener(e -> {
            CallHistory.Call chosen = list.getSelectedValue();
            if (chosen != null) {
                callBack.accept(chosen.type(), chosen.peers());
            }
        });
        add(new JScrollPane(list));
        add(again, "growx 0, right");
    }

    /** Records a call that ended, at the top. */
    void record(CallHistory.Call call) {
        history.add(call);
        model.add(0, call);
        if (model.size() > CallHistory.KEEP) {
            model.removeRange(CallHistory.KEEP, model.size() - 1);
        }
        unseenChanged.accept(history.unseenMissed());
    }

    /** The user looks at the list now. */
    void seen() {
        history.markSeen();
        unseenChanged.accept(0);
    }

    int unseenMissed() {
        return history.unseenMissed();
    }

    List<CallHistory.Call> calls() {
        return history.calls();
    }

    private final class Renderer extends DefaultListCellRenderer {
        private final DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withZone(ZoneId.systemDefault());

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focus) {
            CallHistory.Call call = (CallHistory.Call) value;
            String who = String.join(", ", call.peers().stream().map(names::apply).toList());
            String how = Texts.get("recent." + call.direction().name().toLowerCase(Locale.ROOT) + "."
                    + call.outcome().name().toLowerCase(Locale.ROOT));
            String kind = Texts.get(call.type() == ConferenceType.VIDEO ? "recent.video" : "recent.audio");
            long seconds = call.duration().toSeconds();
            String length = call.outcome() == CallHistory.Outcome.ANSWERED
                    ? String.format(Locale.ROOT, " \u00b7 %d:%02d", seconds / 60, seconds % 60) : "";
            String text = Texts.get("recent.line", who, how, kind, when.withLocale(Locale.getDefault()).format(call.at()))
                    + length;
            Component shown = super.getListCellRendererComponent(list, text, index, selected, focus);
            if (call.outcome() == CallHistory.Outcome.MISSED && !selected) {
                shown.setForeground(UIManager.getColor("Parley.missedCall.foreground"));
            }
            return shown;
        }
    }
}
