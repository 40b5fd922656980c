{#-
    The boxes counted per outcome question: outcome -> {box name: condition on
    one answer}. NPS promoters answer 9–10 and detractors 0–6 (0–10 scale);
    CSAT top-2-box is 4–5 (1–5); CES counts 5–7 (1–7).
-#}
{% macro outcome_boxes() %}
    {{ return({
        "nps": {"promoter": "nps >= 9", "detractor": "nps <= 6"},
        "csat": {"top2": "csat >= 4"},
        "ces": {"top3": "ces >= 5"},
    }) }}
{% endmacro %}
