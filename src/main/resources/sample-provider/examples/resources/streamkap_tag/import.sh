#!/bin/sh
# Import an existing tag by the ID shown in the Streamkap UI.
terraform import streamkap_tag.example 6650f3c2a1b4c8d9e0f1a2b3
