using CxApi.Common.Validation;
using CxApi.Features.Responses;
using CxApi.Infrastructure;
using CxApi.Tests.Support;
using FluentValidation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxApi.Tests.Integration;

/// <summary>
/// The application with one difference: once a linked response is validated, the interaction it names is
/// deleted (as a concurrent request of its partner would), so the race of issue 11 happens every time.
/// </summary>
public sealed class VanishingInteractionFactory : CxApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IValidator<CreateResponseRequest>, DeletesTheInteractionOnceValidated>());
    }

    private sealed class DeletesTheInteractionOnceValidated : AbstractValidator<CreateResponseRequest>
    {
        public DeletesTheInteractionOnceValidated(TimeProvider clock)
        {
            ClassLevelCascadeMode = CascadeMode.Stop;
            Include(new CreateResponseValidator(clock));
            RuleFor(r => r.InteractionId).CustomAsync(async (id, context, ct) =>
            {
                if (id is null) return;
                var db = context.Service<CxDbContext>();
                await db.DeleteAsync(db.Interactions, id, ct);
            });
        }
    }
}
