package org.quire.plugin.awscards;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of subsection a service card recognises by their heading, in Chinese or English: {@code 优势} or
 * {@code Benefits}, {@code 工作原理} or {@code How it works}, and so on. Each becomes a styled part of the card.
 */
enum PartKind {
    BENEFITS("benefits"),
    DRAWBACKS("drawbacks"),
    HOW_IT_WORKS("how-it-works"),
    USE_CASES("use-cases"),
    PRICING("pricing"),
    VERDICT("verdict");

    private static final Pattern TRAILING = Pattern.compile("[\\s:：。.!！]+$");
    private static final Map<String, PartKind> HEADINGS = Map.ofEntries(
            Map.entry("优势", BENEFITS), Map.entry("优点", BENEFITS), Map.entry("好处", BENEFITS),
            Map.entry("benefits", BENEFITS), Map.entry("pros", BENEFITS), Map.entry("advantages", BENEFITS),
            Map.entry("strengths", BENEFITS),
            Map.entry("劣势", DRAWBACKS), Map.entry("缺点", DRAWBACKS), Map.entry("不足", DRAWBACKS),
            Map.entry("局限", DRAWBACKS), Map.entry("cons", DRAWBACKS), Map.entry("drawbacks", DRAWBACKS),
            Map.entry("disadvantages", DRAWBACKS), Map.entry("limitations", DRAWBACKS),
            Map.entry("工作原理", HOW_IT_WORKS), Map.entry("原理", HOW_IT_WORKS), Map.entry("架构", HOW_IT_WORKS),
            Map.entry("how it works", HOW_IT_WORKS), Map.entry("architecture", HOW_IT_WORKS),
            Map.entry("常见案例", USE_CASES), Map.entry("使用案例", USE_CASES), Map.entry("应用场景", USE_CASES),
            Map.entry("使用场景", USE_CASES), Map.entry("案例", USE_CASES), Map.entry("use cases", USE_CASES),
            Map.entry("use case", USE_CASES), Map.entry("common use cases", USE_CASES),
            Map.entry("价格", PRICING), Map.entry("定价", PRICING), Map.entry("pricing", PRICING),
            Map.entry("观感", VERDICT), Map.entry("看法", VERDICT), Map.entry("个人看法", VERDICT),
            Map.entry("点评", VERDICT), Map.entry("评价", VERDICT), Map.entry("结论", VERDICT),
            Map.entry("verdict", VERDICT), Map.entry("impressions", VERDICT), Map.entry("my take", VERDICT),
            Map.entry("opinion", VERDICT), Map.entry("conclusion", VERDICT));

    final String cssName;

    PartKind(String cssName) {
        this.cssName = cssName;
    }

    static Optional<PartKind> ofHeading(String heading) {
        String key = TRAILING.matcher(heading.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        return Optional.ofNullable(HEADINGS.get(key));
    }
}
