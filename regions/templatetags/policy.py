"""Templates ask the access policy, never a role: `{% may "findings.edit" as can_edit %}`,
`{% may "questionnaire.answer" subject as can_answer %}`."""

from django import template

from regions import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, action: str, subject=None) -> bool:
    return policy.may(context["request"].user, action, subject)
