// NN: modules, layers, losses, optimizers, schedules, trainer, metrics, reports and safetensors checkpoints.
