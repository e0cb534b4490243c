package microblog.migrate.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {
    private static Revision rev(String id, String... parents) {
        return new Revision(id, List.of(parents), "m" + id, "", List.of(), List.of(), Path.of(id + ".yaml"));
    }

    private static Revision labelled(String id, String label, String... parents) {
        return new Revision(
                id, List.of(parents), "m" + id, "", List.of(), List.of(), Path.of(id + ".yaml"), List.of(label));
    }

    private final RevisionGraph linear = new RevisionGraph(List.of(rev("cc3"), rev("aa1", "cc3"), rev("bb2", "aa1")));

    @Test
    void headsAndOrder() {
        assertThat(linear.heads()).containsExactly("bb2");
        assertThat(linear.topologicalOrder()).extracting(Revision::id).containsExactly("cc3", "aa1", "bb2");
    }

    @Test
    void upgradeAndDowngradePaths() {
        assertThat(linear.upgradePath(Set.of(), Set.of("bb2")))
                .extracting(Revision::id)
                .containsExactly("cc3", "aa1", "bb2");
        assertThat(linear.upgradePath(Set.of("aa1"), Set.of("bb2")))
                .extracting(Revision::id)
                .containsExactly("bb2");
        assertThat(linear.downgradePath(Set.of("bb2"), Set.of()))
                .extracting(Revision::id)
                .containsExactly("bb2", "aa1", "cc3");
        assertThat(linear.downgradePath(Set.of("bb2"), Set.of("cc3")))
                .extracting(Revision::id)
                .containsExactly("bb2", "aa1");
    }

    @Test
    void aBranchLabelNamesItsRevisionAndMarksEveryRevisionBuiltOnIt() {
        RevisionGraph graph = new RevisionGraph(
                List.of(rev("a"), rev("b", "a"), labelled("c1", "cart"), rev("c2", "c1"), rev("m", "b", "c2")));
        assertThat(graph.resolve("cart").id()).isEqualTo("c1");
        assertThat(graph.labelled("cart")).map(Revision::id).hasValue("c1");
        assertThat(graph.branchLabelsOf("c2")).containsExactly("cart");
        assertThat(graph.branchLabelsOf("m")).containsExactly("cart");
        assertThat(graph.branchLabelsOf("b")).isEmpty();
        assertThat(graph.descendants("c1")).containsExactly("c1", "c2", "m");
        assertThat(graph.descendants("a")).containsExactly("a", "b", "m");
    }

    @Test
    void aBranchLabelIsUniqueAndNeverAnId() {
        assertThatThrownBy(() -> new RevisionGraph(List.of(labelled("a", "x"), labelled("b", "x"))))
                .hasMessage("branch label 'x' is given twice: by a and by b; a label names one branch");
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a"), labelled("b", "a"))))
                .hasMessage("branch label 'a' of revision b is also a revision id: choose another label");
    }

    @Test
    void branchesAndMerges() {
        RevisionGraph graph = new RevisionGraph(List.of(rev("a"), rev("b", "a"), rev("c", "a")));
        assertThat(graph.heads()).containsExactlyInAnyOrder("b", "c");
        assertThatThrownBy(graph::singleHead).hasMessageContaining("several heads");
        RevisionGraph merged = new RevisionGraph(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));
        assertThat(merged.heads()).containsExactly("m");
        assertThat(merged.headsAfterUpgrade(Set.of("b", "c"), merged.get("m"))).containsExactly("m");
        assertThat(merged.headsAfterDowngrade(Set.of("m"), merged.get("m"))).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void namesResolveByPrefixAndBadOnesAreExplained() {
        assertThat(linear.resolve("aa").id()).isEqualTo("aa1");
        assertThatThrownBy(() -> linear.resolve("zz")).hasMessageContaining("no revision 'zz'");
        RevisionGraph twins = new RevisionGraph(List.of(rev("ab1"), rev("ab2", "ab1")));
        assertThatThrownBy(() -> twins.resolve("ab")).hasMessageContaining("ambiguous");
    }

    @Test
    void brokenHistoriesAreRejected() {
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a", "x")))).hasMessageContaining("revises x");
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a", "b"), rev("b", "a"))))
                .hasMessageContaining("own ancestor");
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a"), rev("a")))).hasMessageContaining("defined twice");
    }
}
