"""A framework as data: the Framework model, the framework of every theme, factor, criterion and round (filled by
0003), and the round's code (`<framework>-<year>`)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_from_assessments"), ("assessments", "0014_framework_moved")]

    operations = [
        migrations.CreateModel(
            name="Framework",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=20, unique=True, validators=[django.core.validators.RegexValidator("^[a-z][a-z0-9]*$", "Een code bestaat uit kleine letters en cijfers.")], verbose_name="code")),
                ("name", models.CharField(max_length=200, verbose_name="naam")),
                ("name_en", models.CharField(blank=True, max_length=200, verbose_name="naam (Engels)")),
                ("version", models.CharField(blank=True, max_length=20, verbose_name="versie")),
                ("content_hash", models.CharField(blank=True, max_length=64)),
                ("loaded_at", models.DateTimeField(auto_now=True, verbose_name="geladen op")),
            ],
            options={"verbose_name": "toetsingskader", "verbose_name_plural": "toetsingskaders", "ordering": ["pk"]},
        ),
        migrations.AddField("theme", "framework", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="themes", to="framework.framework", verbose_name="toetsingskader")),
        migrations.AddField("successfactor", "framework", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="success_factors", to="framework.framework", verbose_name="toetsingskader")),
        migrations.AddField("criterion", "framework", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="framework.framework", verbose_name="toetsingskader")),
        migrations.AddField("round", "framework", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="rounds", to="framework.framework", verbose_name="toetsingskader")),
        migrations.AddField("round", "code", models.CharField(editable=False, max_length=32, null=True, verbose_name="code")),
        migrations.AddField("successfactor", "rule", models.JSONField(blank=True, null=True, verbose_name="voorstelregel")),
    ]
