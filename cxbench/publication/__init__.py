"""Publication: refresh a wave into a staged copy, publish it, swap it in, diff versions."""
