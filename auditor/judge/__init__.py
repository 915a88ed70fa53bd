"""Stage 3: judge a snapshot with the rules, without a browser (site.py); imports no other stage but inputs."""
