package org.chapterhouse.stories.page;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The first words of a story, as plain text, for the list page: the text of the Markdown (what a reader sees of
 * it), without raw HTML or code blocks, cut at a word near {@value #MAX} characters. It is text, not markup: the
 * page escapes it like every other value.
 */
final class Excerpt {

    static final int MAX = 240;
    private static final Parser PARSER = Parser.builder().build();

    private Excerpt() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HtmlInline node) {
                // raw HTML is markup, not the story's words
            }

            @Override
            public void visit(HtmlBlock node) {
                // likewise
            }

            @Override
            public void visit(FencedCodeBlock node) {
                // code does not summarise a story
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                // likewise
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    text.append(' ');  // blocks (paragraphs, headings, list items) end in a space: words stay apart
                }
            }
        });
        return cut(text.toString().replaceAll("\\s+", " ").strip());
    }

    private static String cut(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        int end = text.lastIndexOf(' ', MAX);
        if (end < MAX / 2) {
            end = Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX;
        }
        return text.substring(0, end).strip() + "…";
    }
}
