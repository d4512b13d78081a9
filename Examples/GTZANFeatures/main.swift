// gtzan-features: placeholder until the DSP feature vector lands.
print("gtzan-features: not yet available")
