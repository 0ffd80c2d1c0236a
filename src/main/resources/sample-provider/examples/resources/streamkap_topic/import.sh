#!/bin/sh
# Import an existing topic by the ID shown in the Streamkap UI.
terraform import streamkap_topic.example source_6650f3c2a1b4.public.orders
