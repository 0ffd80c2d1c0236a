# A widget is imported by its id.
terraform import sound_widget.example 1234
